/* guide/pace.c - what the Guide screen shows during each step and for how long. */
#include "rescuebay/guide.h"

/* A tap or a let-go is read in a glance; plugging the cable in takes a moment longer.
 * The kiosk advanced its own timer by these before they were the engine's. */
#define PACE_CONNECT_MS 2500u
#define PACE_MOMENT_MS 1500u

static unsigned int seconds_ms(double s)
{
    /* Guide files are checked on load, but a hostile one must not wrap the timer. */
    if (!(s > 0))
        return 0;
    if (s > 3600)
        return 3600u * 1000u;
    return (unsigned int)(s * 1000.0 + 0.5);
}

rb_status rb_guide_pace(rb_guide_step_pace *out, const rb_guide_step *steps, size_t n)
{
    if (n && (!out || !steps))
        return RB_ERR_INVALID_ARG;
    unsigned int held = 0;
    for (size_t i = 0; i < n; i++) {
        const rb_guide_step *s = &steps[i];
        rb_guide_step_pace *p = &out[i];
        /* A release keeps the other keys under the fingers; a press is momentary and
         * leaves what was held before; connecting the cable starts from empty hands. */
        unsigned int during = s->buttons;
        switch (s->action) {
        case RB_ACTION_HOLD: held = s->buttons; break;
        case RB_ACTION_RELEASE: during = held = held & ~s->buttons; break;
        case RB_ACTION_CONNECT: held = 0; break;
        default: break;
        }
        p->held = during;
        if (s->action == RB_ACTION_HOLD)
            p->duration_ms = seconds_ms(s->seconds > 0 ? s->seconds : s->seconds_max);
        else
            p->duration_ms = s->action == RB_ACTION_CONNECT ? PACE_CONNECT_MS : PACE_MOMENT_MS;
        /* Ends on something the staff or the kiosk sees; a black screen is judged by
         * the seconds (the kiosk cannot see it, and DFU looks the same). */
        p->waits = s->until == RB_UNTIL_USB_MODE || s->until == RB_UNTIL_APPLE_LOGO ||
                   s->until == RB_UNTIL_RECOVERY_SCREEN;
    }
    return RB_OK;
}
