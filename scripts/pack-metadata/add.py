# usage: python3 add.py <<'X' ... JSON lines ... X   (each line: {"pack":..,"key":old key, fields...})
import json,sys
with open('facts.jsonl','a') as f:
    for line in sys.stdin:
        line=line.strip()
        if not line: continue
        o=json.loads(line)
        assert 'pack' in o and 'key' in o, line
        f.write(json.dumps(o,ensure_ascii=False)+'\n')
