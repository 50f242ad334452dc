// The one header of the CLAPACK system-library target: LAPACKE (LAPACK's C interface)
// and CBLAS as shipped by Debian's liblapacke-dev and libopenblas-dev. No architecture-specific
// include path: both headers sit on the compiler's default search path.
#ifndef FORECAST_CLAPACK_SHIM_H
#define FORECAST_CLAPACK_SHIM_H
#include <lapacke.h>
#include <cblas.h>
// OpenBLAS's own thread control: forecast runs BLAS single-threaded inside its own
// parallel blocks so that results do not depend on the number of threads.
void openblas_set_num_threads(int num_threads);
#endif
