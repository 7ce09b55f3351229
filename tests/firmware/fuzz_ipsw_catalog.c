/* fuzz_ipsw_catalog.c - libFuzzer entry for the ipsw.me catalog parser. */
#include <stddef.h>
#include <stdint.h>

#include "firmware/firmware_private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rb_firmware_list *l = NULL;
    char err[256];
    const char *expect = size && (data[0] & 1) ? "iPhone12,1" : NULL;
    if (rb__fw_parse_catalog(&l, (const char *)data, size, expect, err, sizeof err) == RB_OK) {
        for (size_t i = 0; i < l->count; i++)
            if (!l->builds[i].sha1 || !rb__fw_is_hex(l->builds[i].sha1, 40) || !l->builds[i].size)
                __builtin_trap();
        rb_firmware_list_free(l);
    }
    return 0;
}
