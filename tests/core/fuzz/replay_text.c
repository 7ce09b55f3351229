/* replay_text.c - runs the outside-text fuzz target (fuzz_text.c) over its corpus, every
 * truncation and byte flip of each file, and a fixed series of pseudo-random byte
 * strings biased towards the bytes that matter (C0, C1 lead bytes, E2 80/81 bidi
 * prefixes, invalid leads), so the properties are checked with any compiler. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rb_fuzz_text(const uint8_t *data, size_t size);

static void variants(const uint8_t *d, size_t n)
{
    rb_fuzz_text(d, n);
    uint8_t *c = malloc(n + 1);
    if (!c)
        abort();
    for (size_t cut = 0; cut < n; cut++)
        rb_fuzz_text(d, cut);
    for (size_t i = 0; i < n; i++)
        for (int bit = 0; bit < 8; bit++) {
            memcpy(c, d, n);
            c[i] ^= (uint8_t)(1u << bit);
            rb_fuzz_text(c, n);
        }
    free(c);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    DIR *dir = opendir(argv[1]);
    if (!dir) {
        fprintf(stderr, "no corpus %s\n", argv[1]);
        return 1;
    }
    int files = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        uint8_t buf[4096];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        variants(buf, n);
        files++;
    }
    closedir(dir);
    static const uint8_t interesting[] = {0x00, 0x07, 0x0a, 0x1b, 0x22, 0x5c, 0x7f, 0x80, 0x9b,
                                          0xbf, 0xc0, 0xc2, 0xd8, 0x9c, 0xe2, 0x80, 0x81, 0xaa,
                                          0xae, 0xa6, 0xa9, 0xed, 0xa0, 0xf0, 0xf4, 0x90, 0xff};
    uint64_t x = 0x9e3779b97f4a7c15u;
    uint8_t buf[64];
    for (int round = 0; round < 50000; round++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t n = (size_t)(x % sizeof buf);
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            buf[i] = (x & 1) ? interesting[(x >> 1) % sizeof interesting] : (uint8_t)(x >> 8);
        }
        rb_fuzz_text(buf, n);
    }
    printf("replayed %d corpus files and 50000 generated strings\n", files);
    return files > 0 ? 0 : 1;
}
