"""The command line (cli/main.py and the modules of its commands)."""

import os

# One BLAS thread in each process of the command line (its build's workers inherit the environment).
# The hybrid extractor's model multiplies small matrices, for which OpenBLAS's threads cost more than
# they give: on 2 cores the model read the 104 releases of ../shared in 29-30 ms a release with its
# default two threads and 24-25 ms with one (the same with both pinned to one core). A build spreads
# over the cores by releases (--jobs) instead. OpenBLAS reads the variable when numpy loads, so it is
# set before anything imports numpy; a value the user set wins. (Setting it later, through
# threadpoolctl, did not give the speed back.)
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}


def one_blas_thread() -> None:
    """Ask for one BLAS thread in this process and those it starts (see BLAS_THREADS)."""
    for name, value in BLAS_THREADS.items():
        os.environ.setdefault(name, value)


def main() -> None:
    """The console script's entry. The commands, and all they import, load only when it is called: a
    build's worker processes start by importing the script that started the build (multiprocessing's
    spawn), and the whole program would cost each of them about 35 MB it never uses."""
    one_blas_thread()
    from migragraph.cli.main import main as run

    run()
