/*
 * Measures bare libsodium Argon2id verification, the floor under the server's sign-in latency.
 *
 * Usage: argon2_verify [COUNT [PASSES [MEMORY_MIB [each]]]]   (defaults: 30 2 64)
 *
 * Hashes one password with crypto_pwhash_str at the given cost, then times COUNT calls of
 * crypto_pwhash_str_verify one after another and prints one line:
 *   verifies=30 passes=2 memory_mib=64 median_ms=... p95_ms=... min_ms=... max_ms=...
 * With the word "each" as the fourth argument, it first prints every time in milliseconds, one a line.
 * The median of an even count is the mean of the two middle values, and p95 is the nearest-rank
 * 95th percentile, as in bench/lib.sh. Build: cc -O2 -o argon2_verify argon2_verify.c -lsodium
 */
#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double elapsed_ms(const struct timespec* start, const struct timespec* end)
{
    return (double)(end->tv_sec - start->tv_sec) * 1e3 + (double)(end->tv_nsec - start->tv_nsec) / 1e6;
}

static int compare_doubles(const void* a, const void* b)
{
    const double x = *(const double*)a;
    const double y = *(const double*)b;
    return (x > y) - (x < y);
}

static long parse_positive(const char* text, const char* name)
{
    char* end = NULL;
    const long value = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value < 1) {
        fprintf(stderr, "argon2_verify: invalid %s '%s'; expected a positive whole number\n", name, text);
        exit(2);
    }
    return value;
}

int main(int argc, char** argv)
{
    const long count = argc > 1 ? parse_positive(argv[1], "COUNT") : 30;
    const long passes = argc > 2 ? parse_positive(argv[2], "PASSES") : 2;
    const long memory_mib = argc > 3 ? parse_positive(argv[3], "MEMORY_MIB") : 64;
    const int print_each = argc > 4 && strcmp(argv[4], "each") == 0;
    if (argc > 4 && !print_each) {
        fprintf(stderr, "argon2_verify: invalid fourth argument '%s'; expected 'each' or nothing\n", argv[4]);
        return 2;
    }

    if (sodium_init() < 0) {
        fprintf(stderr, "argon2_verify: libsodium failed to initialise\n");
        return 1;
    }

    /* Same length and character set as the server's generated super admin password. */
    const char password[] = "bench-Password-0123456789";
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password, strlen(password), (unsigned long long)passes,
                              (size_t)memory_mib * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        fprintf(stderr, "argon2_verify: crypto_pwhash_str failed (out of memory?)\n");
        return 1;
    }

    double* times = calloc((size_t)count, sizeof *times);
    if (times == NULL) {
        fprintf(stderr, "argon2_verify: out of memory\n");
        return 1;
    }
    for (long i = 0; i < count; ++i) {
        struct timespec start;
        struct timespec end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        const int result = crypto_pwhash_str_verify(hash, password, strlen(password));
        clock_gettime(CLOCK_MONOTONIC, &end);
        if (result != 0) {
            fprintf(stderr, "argon2_verify: verification %ld failed\n", i + 1);
            return 1;
        }
        times[i] = elapsed_ms(&start, &end);
        if (print_each) {
            printf("%.3f\n", times[i]);
        }
    }

    qsort(times, (size_t)count, sizeof *times, compare_doubles);
    const double median = count % 2 == 1 ? times[count / 2] : (times[count / 2 - 1] + times[count / 2]) / 2;
    long rank = (long)(0.95 * (double)count);
    if ((double)rank < 0.95 * (double)count) {
        ++rank;
    }
    printf("verifies=%ld passes=%ld memory_mib=%ld median_ms=%.2f p95_ms=%.2f min_ms=%.2f max_ms=%.2f\n", count,
           passes, memory_mib, median, times[rank - 1], times[0], times[count - 1]);
    free(times);
    return 0;
}
