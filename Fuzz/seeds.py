"""Writes the fuzzers' starting inputs into DIR/<target>/: request bodies built from the firewall
corpus's forms and narratives (../shared/firewall-corpus), the narratives alone, and the C2SP
signed-note example and a checkpoint-shaped note. libFuzzer mutates from there; the corpus it grows
stays in DIR, outside git. Usage: python3 Fuzz/seeds.py DIR"""

from __future__ import annotations

import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "firewall-corpus"
VECTORS = ROOT.parent / "shared" / "vectors"


def records(pattern: str) -> list[dict]:
    found = []
    for path in sorted(CORPUS.glob(pattern)):
        found += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found


def write(folder: pathlib.Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    forms, narratives = records("forms-*.jsonl"), records("narratives-*.jsonl")
    bodies = [json.dumps({"language": "en", "fields": f["fields"], "narrative": ""}, ensure_ascii=False) for f in forms]
    bodies += [json.dumps({"language": n.get("lang", "en"), "narrative": n["text"]}, ensure_ascii=False) for n in narratives]
    bodies += ['{"language": "tl", "fields": {"employer_name": "Mrs. Lim"}, "narrative": "x", "duress_code": "123456"}',
               '[1, -0.5e+3, true, false, null, "\\u00e9\\ud83d\\ude00"]']
    for body in bodies:
        write(out / "FuzzJSON", body.encode())
        write(out / "FuzzComplaint", body.encode())
    for n in narratives:
        write(out / "FuzzFirewall", n["text"].encode())
    example = json.loads((VECTORS / "c2sp" / "signed-note-example.json").read_text(encoding="utf-8"))
    write(out / "FuzzSignedNote", example["note"].encode())
    checkpoint = ("safeintake.example/log\n42\nqU0rKZ0dJZ2o5C5UDHTtj3vMRcM4I0PyLx1Y3Dq1tR0=\n\n"
                  "\u2014 safeintake.example/log AAAAAQ4qoFeVpzt2XDE5GfSHIZfxGBeA2gXr3QUBvmDJ7YD0nXIL9mJDoSUUAvPeXnbZHkrfMKoTfPIEj2Gt5jGqwTcw3Q4=\n")
    write(out / "FuzzSignedNote", checkpoint.encode())
    # FuzzEvidence: the sandbox's frames, Tesseract TSV rows, and ICAO's specimen MRZs (9303 parts 4, 5, 7).
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t65\t339\t136\t36\t96.2\tHours\n5\t1\t1\t1\t1\t2\t217\t336\t185\t39\t95.6\tworked:\n"
           "5\t1\t1\t1\t2\t1\t65\t405\t272\t39\t31.0\tP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n")
    for seed in [b"IMAGE 3\n\xff\xd8\xffSIZE 7\n3 1 3 3TSV 0\nDONE 0\n", b"FAIL 9\nmalformed", tsv.encode(),
                 b"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
                 b"I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
                 b"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<",
                 "PASSPORT\nNationality UTOPIAN\nDate of expiry 15 APR 12".encode(),
                 b"\x00\x00\x00\x1cftypheic\x00\x00\x00\x00mif1heic", b"RIFF\x00\x00\x00\x00WEBPVP8 "]:
        write(out / "FuzzEvidence", seed)
    print(f"seeds: {len(bodies)} bodies, {len(narratives)} narratives, 2 notes → {out}")


if __name__ == "__main__":
    main()
