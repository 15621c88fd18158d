// The op codes every kernel switches on, in one place for the OpenCL and the CUDA kernels: the
// constants of the Java enums of org.jgrad.backend in their declaration order (the Java side passes
// ordinals). OpTableTest (kernels module) fails when they differ; a kernel's default branch fails.
enum UnaryOp { NEG, EXP, LOG, SQRT, ABS, SIGN, RELU, LEAKY_RELU, SIGMOID, TANH, GELU, ERF };
enum BinaryOp { ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, EQ, NE, LT, LE, GT, GE };
enum ReduceOp { SUM, MAX, MIN, ARGMAX, ARGMIN };
