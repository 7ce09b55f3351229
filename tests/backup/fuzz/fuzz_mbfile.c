/* fuzz_mbfile.c - libFuzzer target: the MBFile record parser (Manifest.db Files.file). */
#include <stddef.h>
#include <stdint.h>

#include "backup/backup_private.h"

int rb_fuzz_mbfile(const uint8_t *data, size_t size);

int rb_fuzz_mbfile(const uint8_t *data, size_t size)
{
    rb__bk_mbfile mf;
    char err[160];
    if (rb__bk_mbfile_parse(&mf, data, size, err, sizeof err) == 0 && mf.has_digest && mf.digest_len > 64)
        return 1; /* unreachable: the copy is bounded; keeps the result used */
    return 0;
}

#ifdef RB_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rb_fuzz_mbfile(data, size);
    return 0;
}
#endif
