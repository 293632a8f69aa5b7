#!/usr/bin/python3
"""What python3-pefile reads of the files liftshift's PE parser reads: headers,
sections, imports, delay imports, the resource tree with the version
resource, and the CLR (COM descriptor) header, for every .dll/.exe under a
folder (default /usr/lib/mono). Files are read into memory first, so, as in
the Google Benchmark, only parsing is timed (CPU time of this process).

    bench/pefile_facts.py [FOLDER]
prints "pefile: N files, CPU S s, US us per file".
"""
import os
import sys
import time

import pefile

DIRS = [pefile.DIRECTORY_ENTRY[name] for name in (
    "IMAGE_DIRECTORY_ENTRY_IMPORT", "IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT",
    "IMAGE_DIRECTORY_ENTRY_RESOURCE", "IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR")]


def corpus(root):
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith((".dll", ".exe")) and os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    yield path, f.read()


def facts(data):
    pe = pefile.PE(data=data, fast_load=True)
    pe.parse_data_directories(directories=DIRS)
    out = [pe.FILE_HEADER.Machine, pe.OPTIONAL_HEADER.Subsystem]
    for entry in getattr(pe, "DIRECTORY_ENTRY_IMPORT", []):
        out.append((entry.dll, [i.name for i in entry.imports]))
    for entry in getattr(pe, "DIRECTORY_ENTRY_DELAY_IMPORT", []):
        out.append((entry.dll, [i.name for i in entry.imports]))
    for info in getattr(pe, "FileInfo", []) or []:
        out.append(info)
    com = getattr(pe, "DIRECTORY_ENTRY_COM_DESCRIPTOR", None)
    if com is not None:
        out.append(com.struct.MetaData_VirtualAddress)
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/mono"
    files = list(corpus(root))
    start = time.process_time()
    for _, data in files:
        try:
            facts(data)
        except pefile.PEFormatError:
            pass
    cpu = time.process_time() - start
    print(f"pefile: {len(files)} files, CPU {cpu:.2f} s, {1e6 * cpu / max(len(files), 1):.1f} us per file")


if __name__ == "__main__":
    main()
