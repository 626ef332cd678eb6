"""The command line (cli/main.py and the modules of its commands)."""


def main() -> None:
    """The console script's entry. The commands, and all they import, load only when it is called: a
    build's worker processes start by importing the script that started the build (multiprocessing's
    spawn), and the whole program would cost each of them about 35 MB it never uses."""
    from migragraph.cli.main import main as run

    run()
