#!/usr/bin/env python3
"""Diagnostic, not part of the build: where a Watershed server's CPU samples go, by category.

    jfr print --json --stack-depth 80 --events jdk.ExecutionSample server.jfr > samples.json
    bench/tools/jfr-categories.py samples.json [from-ISO-time]

Each sample counts once, in the first category whose marker appears anywhere in its stack (categories are checked
in order, so "commit" wins over "cypher execution" for a sample inside both). Give a start time (as printed in the
JSON, e.g. 2026-11-21T23:33:47) to leave out startup and warmup.
"""
import collections
import json
import sys

CATEGORIES = [
    ('neo4j commit (tx log, apply to store, index updates)',
     ['KernelTransactionImplementation.commit', 'TransactionCommitProcess', 'commitTransaction']),
    ('cypher query preparation (pre-parse, cache lookup, planning)',
     ['CypherCurrentCompiler.compile', 'QueryCache', 'ExecutionEngine.getOrCompile', 'PreParser', 'OptionReader',
      'CypherQueryCaches', 'Compiler.compile', 'parseAndPlan', 'AstRewriting']),
    ('cypher execution: unique index seeks (MERGE/MATCH by key)',
     ['NodeIndexSeekSlottedPipe', 'nodeLockingUniqueIndexSeek', 'NodeIndexSeek']),
    ('cypher execution: other operators', ['PipeExecutionResult', 'SlottedPipe', 'interpreted.pipes']),
    ('bolt server: decode parameters, encode results', ['org.neo4j.bolt', 'org.neo4j.packstream']),
    ('neo4j driver (writer side): encode parameters', ['org.neo4j.driver']),
    ('watershed: build rows (LineageWriter$Rows)', ['LineageWriter$Rows']),
    ('HTTP + JSON: parse, validate, map events', ['io.watershed.ingest', 'io.micronaut', 'com.fasterxml.jackson', 'io.netty']),
]


def main():
    events = json.load(open(sys.argv[1]))['recording']['events']
    since = sys.argv[2] if len(sys.argv) > 2 else ''
    counts = collections.Counter()
    total = 0
    for e in events:
        if e['values']['startTime'] < since or not e['values'].get('stackTrace'):
            continue
        frames = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name']
                  for f in e['values']['stackTrace']['frames']]
        stack = '\n'.join(frames)
        total += 1
        name = next((n for n, marks in CATEGORIES if any(m in stack for m in marks)), 'other: ' + frames[0])
        counts[name] += 1
    print('samples', total)
    for name, c in counts.most_common(15):
        print(f'{c:6d} {100 * c / total:5.1f}%  {name}')


if __name__ == '__main__':
    main()
