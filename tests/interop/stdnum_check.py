"""python-stdnum (an independent implementation) agrees with the core on
the check character of every identifier, holder ID and USCC of the demo
world.

usage: stdnum_check.py IDENTIFIERS.json
  where the JSON is what `cargo run --example demo_identifiers` prints:
  [{"kind": ..., "value": ..., "core": true|false}]
"""
import json
import sys

from stdnum.cn import ric, uscc
from stdnum.iso7064 import mod_37_36

PREFIX = "1.2.156.3005.2."


def stdnum_valid(kind, value):
    if kind == "license-id":
        parts = value[len(PREFIX):].split(".")
        if not value.startswith(PREFIX) or len(parts) != 5:
            return False
        body, check = "".join(parts[:4]), parts[4]
        return len(check) == 1 and mod_37_36.calc_check_digit(body) == check
    if kind == "resident-id":
        # GB 11643's check character only: stdnum also checks the birth date.
        # stdnum wants the whole number: it drops the last character itself.
        return ric.calc_check_digit(value) == value[17:] if len(value) == 18 else False
    if kind == "uscc":
        return uscc.calc_check_digit(value[:17]) == value[17:] if len(value) == 18 else False
    raise ValueError(kind)


items = json.load(open(sys.argv[1]))
disagree = [i for i in items if stdnum_valid(i["kind"], i["value"]) != i["core"]]
kinds = {}
for i in items:
    kinds[i["kind"]] = kinds.get(i["kind"], 0) + 1
    if i["kind"] == "resident-id" and i["core"]:
        ric.validate(i["value"])  # the whole number is valid too (birth date)
    if i["kind"] == "uscc" and i["core"]:
        uscc.validate(i["value"])
for d in disagree:
    print("DISAGREE", d)
print("stdnum agrees on", len(items) - len(disagree), "of", len(items), kinds)
sys.exit(1 if disagree or not items else 0)
