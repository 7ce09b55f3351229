/* fuzz_plist.c - libFuzzer target: the plist front end used for Info/Manifest/Status
 * (binary or XML) and the getters the verifier calls on the result. */
#include <stddef.h>
#include <stdint.h>

#include "backup/backup_private.h"

int rb_fuzz_plist(const uint8_t *data, size_t size);

int rb_fuzz_plist(const uint8_t *data, size_t size)
{
    plist_t p = rb__bk_plist_parse(data, size);
    if (!p)
        return 0;
    if (plist_get_node_type(p) == PLIST_DICT) {
        plist_t lock = plist_dict_get_item(p, "Lockdown");
        (void)rb__bk_dict_str(lock, "ProductVersion");
        (void)rb__bk_dict_str(p, "SnapshotState");
        (void)rb__bk_dict_bool(p, "IsEncrypted");
        size_t l = 0;
        (void)rb__bk_dict_data(p, "BackupKeyBag", &l);
        int64_t t = 0;
        (void)rb__bk_dict_date(p, "Date", &t);
    }
    plist_free(p);
    return 0;
}

#ifdef RB_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rb_fuzz_plist(data, size);
    return 0;
}
#endif
