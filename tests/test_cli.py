import subprocess
import sys

import pytest

from masthead.cli import main


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["2023-05-28"], "Sunday 28th May 2023 / 8 Zulkaedah 1444"),
        (["2023-05-28", "--style", "standard"], "Sunday 28th May 2023 / 8 Dhu al-Qadah 1444"),
        (["2023-05-28", "--offset", "1"], "Sunday 28th May 2023 / 9 Zulkaedah 1444"),
        (["2023-05-28", "--offset", "-2"], "Sunday 28th May 2023 / 6 Zulkaedah 1444"),
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
    ],
)
def test_date_rejects_bad_input_with_a_clear_message(capsys, args, message):
    assert main(["date", *args]) == 2
    assert message.lower() in capsys.readouterr().err.lower()


def test_console_script_lists_its_subcommands():
    result = subprocess.run([sys.executable, "-m", "masthead.cli", "--help"], capture_output=True, text=True, check=True)
    for command in ("demo", "serve", "date", "manage"):
        assert command in result.stdout
