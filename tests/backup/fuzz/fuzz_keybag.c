/* fuzz_keybag.c - libFuzzer target: the BackupKeyBag TLV parser, and an unwrap attempt
 * with an all-zero key for every class it accepts (no PBKDF2: that is not parsing). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "backup/backup_private.h"

int rb_fuzz_keybag(const uint8_t *data, size_t size);

int rb_fuzz_keybag(const uint8_t *data, size_t size)
{
    rb__bk_keybag kb;
    char err[160];
    if (rb__bk_keybag_parse(&kb, data, size, err, sizeof err) != 0)
        return 0;
    for (int i = 0; i < BK_MAX_CLASSES; i++)
        kb.cls[i].unlocked = kb.cls[i].present && kb.cls[i].has_wpky;
    uint8_t wrapped[44] = {0}, key[32];
    if (size >= 44)
        memcpy(wrapped, data + size - 44, 44);
    rb__bk_keybag_unwrap(&kb, wrapped, sizeof wrapped, key);
    return 0;
}

#ifdef RB_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rb_fuzz_keybag(data, size);
    return 0;
}
#endif
