#!/usr/bin/env python3
"""Writes the docs-free copy of the cognito-idp service model that the emulator ships.

Usage: tools/strip-model.py ../shared/reference/cognito-idp-2016-04-18.json \
         src/main/resources/dev/cognitoemulator/protocol/cognito-idp-2016-04-18.json
The source is botocore's service model (Apache-2.0); see NOTICE.
"""
import json
import sys

DROP = {"documentation", "deprecatedMessage", "examples", "documentationUrl"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROP}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        model = json.load(f)
    out = {
        "metadata": strip(model["metadata"]),
        "operations": {
            name: {k: strip(v) for k, v in op.items() if k in ("name", "input", "output", "errors", "authtype")}
            for name, op in model["operations"].items()
        },
        "shapes": strip(model["shapes"]),
    }
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
