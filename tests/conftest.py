import os
import tempfile

# Set before any bank module runs: tests never touch the real user folders, and the cache of
# reference outputs is shared by the whole session.
os.environ["BANK_HOME"] = tempfile.mkdtemp(prefix="bank-test-home-")

import pytest  # noqa: E402

from bank_cli.main import main  # noqa: E402


@pytest.fixture
def bank(capsys):
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    def run(*argv: str):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return run
