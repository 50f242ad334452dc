// forecast runs BLAS on one thread: its own blocks are the parallel work, and its matrices are
// a handful of indicators. The pthread build of OpenBLAS reads OPENBLAS_NUM_THREADS in its
// load-time constructor and starts a worker for each further core; an idle worker spins
// (sched_yield) for about 2^28 cycles after each start, and level-3 BLAS calls restart the pool
// even after openblas_set_num_threads(1) and blas_thread_shutdown_. On 2 cores that took one
// core from the simulation for most of a short run (scenarios/china-2025.json, --precision 0.1:
// 0.19-0.21 s, against 0.15-0.16 s with the variable set; bench/RESULTS.md).
//
// The variable has to be in the environment before OpenBLAS's constructor runs, and a setenv
// from the executable's .preinit_array (which runs before any shared library's constructor:
// System V gABI, "Initialization and Termination Functions") is undone when libc's own
// initialiser resets the environment pointer. So when the variable is unset, the process
// re-executes itself (/proc/self/exe, same arguments) with OPENBLAS_NUM_THREADS=1 added, from
// the .preinit_array: no library constructor (the Swift runtime's, OpenBLAS's) has run yet, so
// the first image costs only its dynamic linking. A value the user set is kept; if the
// re-execution fails the process goes on as it is.
#include <string.h>
#include <unistd.h>
#include "BLASThreadsAtLoad.h"

static const char variable[] = "OPENBLAS_NUM_THREADS=";

static int already_set(char **envp) {
    for (char **e = envp; e != NULL && *e != NULL; e++) {
        if (strncmp(*e, variable, sizeof variable - 1) == 0) return 1;
    }
    return 0;
}

static void forecast_one_blas_thread(int argc, char **argv, char **envp) {
    (void)argc;
    if (already_set(envp)) return;
    size_t n = 0;
    while (envp[n] != NULL) n++;
    char *environment[n + 2];
    for (size_t i = 0; i < n; i++) environment[i] = envp[i];
    environment[n] = "OPENBLAS_NUM_THREADS=1";
    environment[n + 1] = NULL;
    execve("/proc/self/exe", argv, environment);
    // Only reached when execve failed: carry on with OpenBLAS's own thread count.
}

#if defined(__linux__)
__attribute__((section(".preinit_array"), used))
static void (*const forecast_preinit)(int, char **, char **) = forecast_one_blas_thread;
#endif

