# Build stage: the same Maven build as the README's quick start.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY graph graph
COPY ingest ingest
COPY quality quality
COPY alerts alerts
COPY server server
COPY bench bench
RUN mvn -B -q -DskipTests package

# Run stage: a JRE and the executable jar, as a non-root user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/watershed watershed \
    && mkdir -p /var/lib/watershed && chown watershed /var/lib/watershed
COPY --from=build /src/server/target/watershed.jar /opt/watershed/watershed.jar
USER watershed
WORKDIR /var/lib/watershed
ENV WATERSHED_DATA_DIR=/var/lib/watershed/data \
    JAVA_OPTS="-Xmx1g"
EXPOSE 5000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD wget -qO- http://127.0.0.1:5000/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/watershed/watershed.jar"]
