/* replay_main.c - runs the fuzz targets over every file of their corpus folders
 * (corpus/mbfile, corpus/keybag, corpus/plist, corpus/mbdb), plus truncations and bit flips of each,
 * so the parsers' crash-freedom is checked with any compiler. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rb_fuzz_mbfile(const uint8_t *data, size_t size);
int rb_fuzz_keybag(const uint8_t *data, size_t size);
int rb_fuzz_plist(const uint8_t *data, size_t size);
int rb_fuzz_mbdb(const uint8_t *data, size_t size);

static int (*const targets[])(const uint8_t *, size_t) = {rb_fuzz_mbfile, rb_fuzz_keybag, rb_fuzz_plist,
                                                          rb_fuzz_mbdb};
static const char *const names[] = {"mbfile", "keybag", "plist", "mbdb"};

static void run(int t, const uint8_t *d, size_t n)
{
    targets[t](d, n);
    uint8_t *c = malloc(n + 1);
    if (!c)
        abort();
    for (size_t cut = 0; cut < n; cut += 1 + n / 64)
        targets[t](d, cut);
    for (size_t i = 0; i < n; i += 1 + n / 128) {
        memcpy(c, d, n);
        c[i] ^= 0xff;
        targets[t](c, n);
    }
    free(c);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    int files = 0;
    for (int t = 0; t < 4; t++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], names[t]);
        DIR *d = opendir(path);
        if (!d) {
            fprintf(stderr, "no corpus %s\n", path);
            return 1;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char f[8192];
            snprintf(f, sizeof f, "%s/%s", path, e->d_name);
            FILE *fp = fopen(f, "rb");
            if (!fp)
                continue;
            uint8_t *buf = malloc(1 << 20);
            size_t n = fread(buf, 1, 1 << 20, fp);
            fclose(fp);
            run(t, buf, n);
            free(buf);
            files++;
        }
        closedir(d);
    }
    printf("replayed %d corpus files\n", files);
    return files > 0 ? 0 : 1;
}
