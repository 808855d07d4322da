# Exact linear-by-linear association p-values for test/stats/linear-by-linear.test.ts, from base R
# by brute force: every table with the observed margins (rows enumerated as compositions within
# the column totals, the last row what is left), weighted by its multivariate hypergeometric
# probability prod(r!) prod(c!) / (N! prod(n!)); two-sided p = P(|T - E[T]| >= |t - E[T]|),
# T = sum(u_i v_j n_ij) with scores 1, 2, ... (coin's lbl_test(distribution = "exact") defines the
# same p; coin is not needed here).
# Run from the project root:  Rscript test/stats/reference/linear-by-linear.R
here <- "test/stats/reference"
tables <- list(
  rbind(c(3, 1), c(1, 3)),
  rbind(c(1, 6, 10), c(1, 8, 7), c(2, 3, 12)),
  rbind(c(5, 6, 10), c(3, 8, 7), c(1, 3, 14), c(0, 2, 15)),
  rbind(c(2, 5, 9), c(1, 6, 10), c(0, 4, 13)),
  rbind(c(2, 10, 2), c(0, 4, 11), c(0, 2, 13))
)
compositions <- function(n, caps) {
  if (length(caps) == 1) return(if (n <= caps) matrix(n, 1, 1) else matrix(0, 0, 1))
  out <- NULL
  for (x in 0:min(n, caps[1])) {
    rest <- compositions(n - x, caps[-1])
    if (nrow(rest) > 0) out <- rbind(out, cbind(x, rest))
  }
  if (is.null(out)) matrix(0, 0, length(caps)) else unname(out)
}
lbl_exact <- function(m) {
  r <- rowSums(m); cc <- colSums(m); N <- sum(m)
  u <- seq_len(nrow(m)); v <- seq_len(ncol(m))
  E <- sum(u * r) * sum(v * cc) / N
  stat <- function(t) sum(outer(u, v) * t)
  obs <- abs(stat(m) - E)
  logc <- sum(lfactorial(r)) + sum(lfactorial(cc)) - lfactorial(N)
  p <- 0
  walk <- function(i, left, rows) {
    if (i == nrow(m)) {
      t <- rbind(rows, left)
      if (abs(stat(t) - E) >= obs - 1e-9) p <<- p + exp(logc - sum(lfactorial(t)))
      return(invisible())
    }
    choices <- compositions(r[i], left)
    for (k in seq_len(nrow(choices))) walk(i + 1, left - choices[k, ], rbind(rows, choices[k, ]))
  }
  walk(1, cc, NULL)
  p
}
num <- function(v) sprintf("%.17g", v)
items <- vapply(tables, function(m) {
  sprintf('{"table": [%s], "p": %s}', paste(apply(m, 1, function(row) paste0("[", paste(row, collapse = ", "), "]")), collapse = ", "), num(lbl_exact(m)))
}, "")
writeLines(c('{', '  "generator": "Rscript test/stats/reference/linear-by-linear.R",', '  "cases": [',
             paste0('    ', items, collapse = ',\n'), '  ]', '}'), file.path(here, "linear-by-linear-r.json"))
