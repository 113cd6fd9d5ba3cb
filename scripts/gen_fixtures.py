"""Regenerate every golden fixture: NumPy's ufunc loop table, then each scripts/fixtures/*.py in turn.

Run: npm run fixtures   (python3 with numpy; the outputs in test/fixtures/ are committed)
"""
import pathlib, subprocess, sys

here = pathlib.Path(__file__).resolve().parent
subprocess.run([sys.executable, str(here / "gen_ufunc_loops.py")], check=True)
for script in sorted((here / "fixtures").glob("*.py")):
    if script.name == "common.py":
        continue
    print(f"-- {script.name}", flush=True)
    subprocess.run([sys.executable, str(script)], check=True, cwd=script.parent)
