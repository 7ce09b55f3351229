/* fuzz_mbdb.c - libFuzzer target: the Manifest.mbdb reader (iOS 5-9 backups), every record
 * to the end or to the damage, and the per-record checks. */
#include <stddef.h>
#include <stdint.h>

#include "backup/backup_private.h"

int rb_fuzz_mbdb(const uint8_t *data, size_t size);

int rb_fuzz_mbdb(const uint8_t *data, size_t size)
{
    rb__bk_mbdb m;
    rb__bk_mbdb_rec rec;
    char err[300];
    int bad = 0;
    if (rb__bk_mbdb_open_mem(&m, data, size, err, sizeof err) == 0) {
        while (rb__bk_mbdb_next(&m, &rec, err, sizeof err) == BK_MBDB_RECORD) {
            /* Every string lies inside the record store and is terminated where it says. */
            if (rec.domain.p[rec.domain.len] || rec.path.p[rec.path.len] || rec.key.p[rec.key.len])
                __builtin_trap();
            bad += rb__bk_mbdb_record_problem(&rec) != NULL;
        }
    }
    rb__bk_mbdb_close(&m);
    return bad;
}

#ifdef RB_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rb_fuzz_mbdb(data, size);
    return 0;
}
#endif
