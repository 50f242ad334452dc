// One OpenBLAS thread from the moment the library loads (see preinit.c): linking this target
// into an executable is all it takes.
#ifndef FORECAST_BLAS_THREADS_AT_LOAD_H
#define FORECAST_BLAS_THREADS_AT_LOAD_H
#endif
