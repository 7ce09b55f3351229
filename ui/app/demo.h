// Demo mode: run the kiosk on simulated devices (rescuebay-sim) in a private socket.
#pragma once

#include <string>

struct DemoOptions {
    std::string scenario;   // empty: the three-bays scenario
};

// In the supervising process: starts rescuebay-sim, re-runs this executable with the
// simulator's environment (LD_PRELOAD only applies at process start), waits for it, stops
// the simulator and returns the kiosk's exit code. In the re-run kiosk process: returns -1.
int rb_demo_supervise(char **argv, const DemoOptions &opts);

// In the demo kiosk process: a staff member "demo" (PIN 1234) and two tickets for the
// simulated devices, in the demo's throwaway data folder. No-op outside demo mode.
void rb_demo_seed_tickets();
