#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs one libFuzzer target for meson test.

With --seconds 0 (the fuzz-smoke suite) every seed runs once, no mutation:
a quick check that the seeds still pass. Otherwise the target fuzzes for
that long (BULLETIN_FUZZ_SECONDS overrides it) from a work corpus kept in
the build directory, its seeds and fixtures (each --seeds is a directory,
or DIR/PATTERN where a directory mixes kinds of files: read in place,
never written) and, when present, the shared corpus (BULLETIN_CORPUS_DIR,
read in place), and prints the number of executions.
A crash, a leak, a timeout or a sanitizer report fails the test and
leaves the input in the work directory."""

import argparse
import fnmatch
import os
import re
import subprocess
import sys
import time

# Which parts of ../shared/corpus feed which target.
SHARED = {
    'feed-xml': ['feeds/wellformed', 'feeds/illformed'],
    'feed-json': ['feeds/json'],
    'page-extractor': ['articles'],
    'listing-parser': ['articles'],
    'sanitizer': ['articles'],
}


def seed_files(specs):
    """The files of the --seeds arguments: DIR (its files, not its
    subdirectories) or DIR/PATTERN (the files whose names match)."""
    files = []
    for spec in specs:
        base = os.path.basename(spec)
        if '*' in base or '?' in base:
            directory, pattern = os.path.dirname(spec), base
        else:
            directory, pattern = spec, '*'
        if not os.path.isdir(directory):
            continue
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            if fnmatch.fnmatchcase(name, pattern) and os.path.isfile(path):
                files.append(path)
    return files


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--name', required=True)
    parser.add_argument('--seeds', action='append', required=True)
    parser.add_argument('--dict', required=True)
    parser.add_argument('--work', required=True)
    parser.add_argument('--seconds', type=int, default=60)
    parser.add_argument('--lsan-suppressions')
    parser.add_argument('target')
    args = parser.parse_args()

    seconds = args.seconds
    if seconds > 0 and os.environ.get('BULLETIN_FUZZ_SECONDS'):
        seconds = int(os.environ['BULLETIN_FUZZ_SECONDS'])

    env = dict(os.environ)
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=1')
    env.setdefault('UBSAN_OPTIONS', 'halt_on_error=1:print_stacktrace=1')
    if args.lsan_suppressions:
        env.setdefault('LSAN_OPTIONS', f'suppressions={args.lsan_suppressions}:print_suppressions=0')

    work = os.path.join(args.work, args.name)
    corpus = os.path.join(work, 'corpus')
    os.makedirs(corpus, exist_ok=True)
    log_path = os.path.join(work, 'smoke.log' if seconds == 0 else 'fuzz.log')

    common = [
        f'-dict={args.dict}',
        f'-artifact_prefix={work}/',
        '-error_exitcode=1', '-timeout_exitcode=1',
        '-timeout=30', '-rss_limit_mb=2560', '-print_final_stats=1',
    ]
    seeds = seed_files(args.seeds)
    if seconds == 0:
        command = [args.target] + common + seeds
    else:
        # libFuzzer writes the inputs it finds into its first corpus
        # directory: that is the work corpus, never a source directory. The
        # seeds and fixtures go in as -seed_inputs, read only, and only the
        # files the patterns name (a corpus directory would be read whole
        # and recursively).
        dirs = [corpus]
        common.append('-seed_inputs=' + ','.join(seeds))
        shared = os.environ.get('BULLETIN_CORPUS_DIR', '')
        for part in SHARED.get(args.name, []):
            path = os.path.join(shared, part)
            if shared and os.path.isdir(path):
                dirs.append(path)
        # Pages of the shared corpus run to hundreds of KB; mutating
        # them whole would spend the time on parsing, not on finding.
        command = [args.target] + common + [f'-max_total_time={seconds}', '-max_len=65536'] + dirs
        # A fixed seed makes a run repeatable (CI sets one, so that a
        # submission's result does not depend on the luck of the draw).
        if os.environ.get('BULLETIN_FUZZ_SEED'):
            command.insert(1, '-seed=' + os.environ['BULLETIN_FUZZ_SEED'])

    start = time.monotonic()
    with open(log_path, 'w') as log:
        result = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    elapsed = time.monotonic() - start
    output = open(log_path, errors='replace').read()

    executions = re.search(r'stat::number_of_executed_units:\s*(\d+)', output)
    peak = re.search(r'stat::peak_rss_mb:\s*(\d+)', output)
    count = int(executions.group(1)) if executions else 0
    if seconds == 0:
        count = max(count, len(re.findall(r'^Executed .* in \d+ ms', output, re.M)))
    print(f'fuzz-{args.name}: {count} executions in {elapsed:.0f} s'
          + (f', peak RSS {peak.group(1)} MB' if peak else '')
          + (f', corpus {len(os.listdir(corpus))} new inputs' if seconds else ', seeds only'))

    if result.returncode != 0:
        print(f'fuzz-{args.name} FAILED (exit {result.returncode}); log: {log_path}')
        print(''.join(output.splitlines(keepends=True)[-80:]))
        crashes = [f for f in os.listdir(work) if re.match(r'(crash|leak|timeout|oom|slow-unit)-', f)]
        for crash in crashes:
            print(f'input: {os.path.join(work, crash)}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
