# Reference values for test/stats/lead-times.test.ts: the exact bootstrap distribution of the
# median and of the difference of two medians, by brute force (every one of the n^n resamples
# of each sample enumerated), and its percentile interval. Run once from the project root:
#   Rscript test/stats/reference/lead-times.R
# It writes lead-times-r.json beside this script (base R only).
here <- "test/stats/reference"

# The median of every resample: rows of expand.grid index every n-tuple of draws.
all_medians <- function(x) {
  n <- length(x)
  draws <- as.matrix(expand.grid(rep(list(seq_len(n)), n)))
  apply(matrix(x[draws], ncol = n), 1, median)
}
distribution <- function(medians) {
  t <- table(medians) / length(medians)
  list(value = as.numeric(names(t)), probability = as.numeric(t))
}
# The difference median(b) - median(a) over all pairs of resamples, its distribution and the
# percentile interval as the inverse of its distribution function (quantile type 1).
difference <- function(a, b, level = 0.95) {
  da <- distribution(all_medians(a))
  db <- distribution(all_medians(b))
  d <- outer(db$value, da$value, "-")
  p <- outer(db$probability, da$probability)
  t <- tapply(as.vector(p), as.vector(d), sum)
  values <- as.numeric(names(t))
  cdf <- cumsum(as.numeric(t))
  q <- function(prob) values[which(cdf >= prob - 1e-12)[1]]
  list(a = a, b = b, medianA = median(a), medianB = median(b), difference = median(b) - median(a),
       lower = q((1 - level) / 2), upper = q(1 - (1 - level) / 2),
       distributionA = da, distributionB = db)
}
cases <- list(
  list(x = c(1, 2, 3)),
  list(x = c(3, 5, 5, 9)),
  list(x = c(10, 12, 12, 15, 20, 31)),
  list(x = c(8, 9, 9, 9, 14, 40, 41))
)
medians <- lapply(cases, function(case) c(list(x = case$x), distribution(all_medians(case$x))))
differences <- list(
  difference(c(3, 5, 5, 9), c(2, 7, 8, 8, 12)),
  difference(c(10, 12, 12, 15, 20, 31), c(8, 9, 9, 9, 14, 40, 41))
)
out <- list(generatedBy = paste("Rscript test/stats/reference/lead-times.R,", R.version.string),
            medians = medians, differences = differences)
# JSON with all 17 significant digits: a named list is an object, a vector an array (a string a string).
to_json <- function(x) {
  if (is.list(x) && !is.null(names(x))) {
    return(paste0("{", paste0('"', names(x), '": ', vapply(x, to_json, ""), collapse = ", "), "}"))
  }
  if (is.list(x)) return(paste0("[", paste(vapply(x, to_json, ""), collapse = ", "), "]"))
  if (is.character(x)) return(paste0('"', x, '"'))
  if (length(x) == 1) return(sprintf("%.17g", x))
  paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
}
writeLines(to_json(out), file.path(here, "lead-times-r.json"))
