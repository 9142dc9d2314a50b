/* libcsv's own cost on the benchmark inputs: csv_parse over each file with callbacks that only
 * count, 1 MiB reads, one thread (Scripts/bench/run.sh prints it beside the table).
 *
 *   cc -O2 -o libcsv_floor libcsv_floor.c -lcsv && ./libcsv_floor FILE...
 *
 * chiiki hands every byte of its inputs to csv_parse, so the sum over a city's files divided by
 * the two cores is a floor under chiiki's load phase that no Swift-side work can go below. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long fields, records;
static void on_field(void *s, size_t len, void *data) { (void)s; (void)len; (void)data; fields++; }
static void on_record(int c, void *data) { (void)c; (void)data; records++; }

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  size_t cap = 1 << 20;
  char *buf = malloc(cap);
  double total = 0, bytes = 0;
  if (!buf) return 1;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) { perror(argv[i]); return 1; }
    struct csv_parser p;
    if (csv_init(&p, CSV_APPEND_NULL) != 0) return 1;
    double start = cpu_seconds(), n = 0;
    size_t got;
    while ((got = fread(buf, 1, cap, f)) > 0) {
      n += got;
      if (csv_parse(&p, buf, got, on_field, on_record, NULL) != got) {
        fprintf(stderr, "%s: %s\n", argv[i], csv_strerror(csv_error(&p)));
        return 1;
      }
    }
    csv_fini(&p, on_field, on_record, NULL);
    csv_free(&p);
    fclose(f);
    double s = cpu_seconds() - start;
    printf("%s\t%.0f bytes\t%.3f s\t%.0f MB/s\n", argv[i], n, s, n / 1048576.0 / s);
    total += s;
    bytes += n;
  }
  printf("all\t%.0f bytes\t%.3f s\t%.0f MB/s\n", bytes, total, bytes / 1048576.0 / total);
  free(buf);
  return 0;
}
