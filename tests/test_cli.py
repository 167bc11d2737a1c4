import re
import subprocess
import sys
from pathlib import Path

import pytest

from masthead.cli import main


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["2023-05-28"], "Sunday 28th May 2023 / 8 Zulkaedah 1444"),
        (["2023-05-28", "--style", "standard"], "Sunday 28th May 2023 / 8 Dhu al-Qadah 1444"),
        (["2023-05-28", "--offset", "1"], "Sunday 28th May 2023 / 9 Zulkaedah 1444"),
        (["2023-05-28", "--offset", "-2"], "Sunday 28th May 2023 / 6 Zulkaedah 1444"),
        (["2023-05-28", "--style", "urdu"], "Sunday 28th May 2023 / ۸ ذوالقعدہ ۱۴۴۴"),
        (["2023-05-28", "--language", "ur"], "اتوار ۲۸ مئی ۲۰۲۳ / ۸ ذوالقعدہ ۱۴۴۴"),
        (["2023-05-28", "--language", "ur", "--digits", "latin"], "اتوار 28 مئی 2023 / 8 ذوالقعدہ 1444"),
        (["2023-05-28", "--language", "ur-PK", "--offset", "1"], "اتوار ۲۸ مئی ۲۰۲۳ / ۹ ذوالقعدہ ۱۴۴۴"),
    ],
)
def test_date_prints_the_masthead_line(capsys, args, line):
    assert main(["date", *args]) == 0
    assert capsys.readouterr().out.strip() == line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["28/05/2023"], "not a date in the form YYYY-MM-DD"),
        (["2023-05-28", "--offset", "3"], "offset"),
        (["2023-05-28", "--style", "klingon"], "style"),
        (["1800-01-01"], "Umm al-Qura"),
        (["2023-05-28", "--language", "fr"], "languages: en, ur"),
        (["2023-05-28", "--digits", "roman"], "expected one of: latin, urdu"),
    ],
)
def test_date_rejects_bad_input_with_a_clear_message(capsys, args, message):
    assert main(["date", *args]) == 2
    assert message.lower() in capsys.readouterr().err.lower()


def test_console_script_lists_its_subcommands():
    result = subprocess.run([sys.executable, "-m", "masthead.cli", "--help"], capture_output=True, text=True, check=True)
    # argparse lists each subcommand under COMMAND at four spaces; its help, and the help's wrapped lines, sit deeper.
    listed = re.findall(r"^ {4}(\w+)", result.stdout, flags=re.MULTILINE)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    section = readme.split("## The `masthead` command")[1].split("\n## ")[0]
    documented = re.findall(r"^masthead (\w+)", section, flags=re.MULTILINE)
    assert listed == documented
    assert {"demo", "serve", "date", "manage"} <= set(listed)
