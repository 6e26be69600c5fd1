#!/usr/bin/env python3
"""Writes expected.tsv: the Start and Finish MS Project stored for every task of every file under files/.

Run from tests/Shared/Mspdi: python3 tools/extract_expected.py > expected.tsv
The output is deterministic (files in ordinal path order, tasks in file order).
"""
import os
import sys
import xml.etree.ElementTree as ET

NS = '{http://schemas.microsoft.com/project}'


def esc(text):
    return (text or '').replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def main():
    root_dir = 'files'
    paths = []
    for d, _, names in os.walk(root_dir):
        for n in names:
            if n.endswith('.xml'):
                paths.append(os.path.relpath(os.path.join(d, n), root_dir).replace(os.sep, '/'))
    out = sys.stdout
    out.write('# The Start and Finish each file stores per task (as written, local time), made by tools/extract_expected.py.\n')
    out.write('# flags: P project summary (UID 0 or outline level 0), S summary, M milestone, N null task, - none.\n')
    out.write('# file\tuid\tflags\tstart\tfinish\tname\n')
    for rel in sorted(paths, key=lambda p: p.encode('utf-8')):
        project = ET.parse(os.path.join(root_dir, rel)).getroot()
        tasks = project.find(NS + 'Tasks')
        for t in (tasks if tasks is not None else []):
            uid = t.findtext(NS + 'UID')
            flags = ''
            if uid == '0' or t.findtext(NS + 'OutlineLevel') == '0':
                flags += 'P'
            if t.findtext(NS + 'Summary') == '1':
                flags += 'S'
            if t.findtext(NS + 'Milestone') == '1':
                flags += 'M'
            if t.findtext(NS + 'IsNull') == '1':
                flags += 'N'
            out.write('\t'.join([rel, uid or '', flags or '-', t.findtext(NS + 'Start') or '-',
                                 t.findtext(NS + 'Finish') or '-', esc(t.findtext(NS + 'Name'))]) + '\n')


if __name__ == '__main__':
    main()
