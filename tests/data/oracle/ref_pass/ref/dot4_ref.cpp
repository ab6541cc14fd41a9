// dot4_ref — the C++ reference of dot4: y[0] = sum_k A[0][k] * x[k].
void dot4_ref(const signed char A[4], const signed char x[4], int y[1]) {
  int sum = 0;
  for (int k = 0; k < 4; ++k) sum += A[k] * x[k];
  y[0] = sum;
}
