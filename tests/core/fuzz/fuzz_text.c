/* fuzz_text.c - libFuzzer target for the outside-text helper (rb_text_escape,
 * rb_text_json). For any input bytes: the display form is valid UTF-8 without a single
 * control or bidi character (checked by feeding it back: it must come out unchanged and
 * with nothing found), and the JSON form parses with cJSON as one string, which for
 * input without invalid bytes or NUL is the input itself. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rescuebay/text.h"

int rb_fuzz_text(const uint8_t *data, size_t size);

int rb_fuzz_text(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    unsigned found = 0, again = 0;
    size_t need = rb_text_escape(NULL, 0, in, size, &found);
    char *shown = malloc(need + 1);
    if (!shown)
        abort();
    if (rb_text_escape(shown, need + 1, in, size, NULL) != need || strlen(shown) != need)
        abort();
    /* Clean output is a fixed point: valid UTF-8, no control, no bidi. */
    char *twice = malloc(need + 1);
    if (!twice)
        abort();
    if (rb_text_escape(twice, need + 1, shown, need, &again) != need || again != 0 ||
        memcmp(shown, twice, need) != 0)
        abort();
    free(twice);
    free(shown);

    unsigned jfound = 0;
    need = rb_text_json(NULL, 0, in, size, &jfound);
    char *lit = malloc(need + 1);
    if (!lit)
        abort();
    rb_text_json(lit, need + 1, in, size, NULL);
    if (jfound != found || strlen(lit) != need)
        abort();
    unsigned lit_found = 0; /* the literal itself is plain ASCII-safe text too */
    rb_text_escape(NULL, 0, lit, need, &lit_found);
    if (lit_found != 0)
        abort();
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(lit, need + 1, &end, 1);
    if (!j || !cJSON_IsString(j))
        abort();
    if (!(found & RB_TEXT_INVALID_UTF8) && !memchr(in, 0, size) &&
        (strlen(j->valuestring) != size || memcmp(j->valuestring, in, size) != 0))
        abort();
    cJSON_Delete(j);
    free(lit);
    return 0;
}

#ifdef RB_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rb_fuzz_text(data, size);
    return 0;
}
#endif
