package io.watershed.server.demo;

/** The demo could not be loaded into the instance (a contract refused, an event not acknowledged). */
public class DemoException extends RuntimeException {

  public DemoException(String message) {
    super(message);
  }

  public DemoException(String message, Throwable cause) {
    super(message, cause);
  }
}
