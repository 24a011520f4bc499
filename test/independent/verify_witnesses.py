#!/usr/bin/env python3
"""A second verifier of the witness rules, written from docs/audit-format.md ("The Merkle tree", "Checkpoints",
"Witnesses") with Python's standard library and the openssl command, sharing no code with Sopu. It checks what a
party holds against an export: each kept head's signature with the county's public key, that the exported ledger's
first `seq` lines have the kept tree root, and that the party's own act is the exported line at its `seq`.

Usage: verify_witnesses.py EXPORT_DIR KEPT_DIR COUNTY_PUBLIC_KEY.pem — prints one line per problem, exits 1 if any.
"""
import base64
import email
import hashlib
import json
import os
import subprocess
import sys
import tempfile


def canonical(value):
    # RFC 8785 for what the ledger holds (strings, integers, booleans, null, objects, arrays).
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def leaf(event):
    return hashlib.sha256(b"\x00" + canonical(event).encode("utf-8")).digest()


def root(leaves):
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + root(leaves[:k]) + root(leaves[k:])).digest()


def signed(head, key_file):
    text = "\n".join(["sopu-checkpoint-v2", head["cycleId"], str(head["seq"]), head["headHash"], head["rootHash"],
                      head["signedAt"]])
    with tempfile.TemporaryDirectory() as tmp:
        message, signature = os.path.join(tmp, "head.txt"), os.path.join(tmp, "head.sig")
        with open(message, "w", encoding="utf-8") as f:
            f.write(text)
        with open(signature, "wb") as f:
            f.write(base64.b64decode(head["signature"]))
        result = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key_file, "-rawin", "-in",
                                 message, "-sigfile", signature], capture_output=True)
        return result.returncode == 0


def kept_witnesses(folder):
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".json"):
            with open(path, encoding="utf-8") as f:
                yield name, json.load(f)
        elif name.endswith(".eml"):
            with open(path, "rb") as f:
                message = email.message_from_binary_file(f)
            for part in message.walk():
                if part.get_filename() == "sopu-witness.json":
                    yield name, json.loads(part.get_payload(decode=True).decode("utf-8"))


def main(export_dir, kept_dir, key_file):
    with open(os.path.join(export_dir, "ledger.jsonl"), encoding="utf-8") as f:
        events = [json.loads(line)["event"] for line in f if line.strip()]
    leaves = [leaf(e) for e in events]
    problems = []
    for name, witness in kept_witnesses(kept_dir):
        head = witness["treeHead"]
        if head["cycleId"] != events[0]["cycleId"]:
            continue
        if not signed(head, key_file):
            problems.append(f"{name}: head not signed by the county's key")
            continue
        if head["seq"] > len(events) or root(leaves[: head["seq"]]).hex() != head["rootHash"]:
            problems.append(f"{name}: the ledger's lines 1-{head['seq']} are not the ones the party was shown")
        act = witness.get("act")
        if act and (act["seq"] > len(events) or canonical(events[act["seq"] - 1]) != canonical(act["event"])):
            problems.append(f"{name}: the party's own act at line {act['seq']} is not in the ledger as it was")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
