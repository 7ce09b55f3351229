// Demo mode: run the kiosk on simulated devices (rescuebay-sim) in a private socket.
#pragma once

#include <string>

struct DemoOptions {
    std::string scenario;   // empty: the demo scenario
    bool ownHome = false;   // --home given: leave its settings and firmware cache alone
};

// In the supervising process: starts rescuebay-sim, re-runs this executable with the
// simulator's environment (LD_PRELOAD only applies at process start), waits for it, stops
// the simulator and returns the kiosk's exit code. In the re-run kiosk process: returns -1.
int rb_demo_supervise(char **argv, const DemoOptions &opts);

// In the demo kiosk process: a staff member "demo" (PIN 1234) and two tickets for the
// simulated devices, in the demo's throwaway data folder. No-op outside demo mode.
void rb_demo_seed_tickets();

// In the supervising process: makes an IPSW for the demo scenario's restorable iPod touch
// with SIM (`rescuebay-sim ipsw`) in DIR, serves a catalog listing it on a loopback port,
// points HOME's settings at that catalog and imports the IPSW into HOME's firmware cache.
// False with the reason in `err` if any of it failed.
bool rb_demo_prepare_firmware(const std::string &sim, const std::string &dir,
                              const std::string &home, std::string &err);
