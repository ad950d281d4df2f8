#!/usr/bin/env python3
"""busy.py TRACE.speedscope.json [N]: the busy part of a dotnet-trace thread-time sample.

A thread-time sample holds every thread, mostly idle ones waiting for work. This drops the samples whose innermost
frames are a wait (thread-pool workers idle, timers, sockets waiting, locks waiting) and reports, over what is left,
the inclusive and exclusive share of the top frames and of a few groups (JIT and type loading, EF Core, Npgsql,
MassTransit, ASP.NET Core and JSON)."""
import json, sys, collections

WAITS = ("LowLevelLifoSemaphore", "WaitHandle.Wait", "Monitor.Wait", "Interop+Sys.Read", "Interop+Sys.WaitForSocketEvents",
         "Thread.Sleep", "SocketAsyncEngine.EventLoop", "LowLevelSpinWaiter", "Interop+Sys.Poll", "WaitOneNoCheck",
         "Interop+Sys.LowLevelMonitor_Wait", "Thread.<PollGC>", "Interop+Sys.ReadEvents")
GROUPS = {"JIT, type loading, IL emit": ("DynamicMethod", "RuntimeHelpers.", "InitClass", "Missing Symbol", "ILEmit",
                                          "RuntimeMethodHandle", "RuntimeType", "Expression.Compile", "LambdaCompiler"),
          "EF Core": ("Microsoft.EntityFrameworkCore",), "Npgsql": ("Npgsql",), "MassTransit / RabbitMQ": ("MassTransit", "RabbitMQ"),
          "ASP.NET Core / Kestrel": ("Microsoft.AspNetCore",), "System.Text.Json": ("System.Text.Json",),
          "token validation": ("IdentityModel", "JwtBearer"), "logging": ("Microsoft.Extensions.Logging",)}

trace = json.load(open(sys.argv[1]))
top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
frames = [f["name"] for f in trace["shared"]["frames"]]
inclusive, exclusive, groups, states = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
total = busy = 0
def weighted_stacks(profile):
    """The evented profile (open/close frame events with times) as (stack, milliseconds) pairs."""
    stack, last = [], profile["startValue"]
    for event in profile["events"]:
        if stack and event["at"] > last:
            yield list(stack), event["at"] - last
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            stack.pop()

for profile in trace["profiles"]:
    for stack, weight in weighted_stacks(profile):
        total += weight
        names = [frames[i] for i in stack]
        # TraceEvent ends each stack with the thread's state: CPU_TIME while it ran managed code, UNMANAGED_CODE_TIME
        # in native code (waiting in a system call, or the runtime itself: JIT, GC, type loading).
        state = names.pop() if names and names[-1] in ("CPU_TIME", "UNMANAGED_CODE_TIME") else "?"
        if not names or any(w in n for n in names[-3:] for w in WAITS):
            continue
        busy += weight
        states[state] += weight
        exclusive[names[-1]] += weight
        for name in set(names[3:]):
            inclusive[name] += weight
        text = " ".join(names)
        for group, keys in GROUPS.items():
            if any(k in text for k in keys):
                groups[group] += weight
print(f"busy samples: {busy / total:.1%} of all thread time ({busy / 1000:.1f} thread-seconds); of them "
      + ", ".join(f"{weight / busy:.0%} {state}" for state, weight in states.most_common()))
print("\ngroups (inclusive, share of busy):")
for group, weight in groups.most_common():
    print(f"  {weight / busy:6.1%}  {group}")
for title, counter in (("inclusive", inclusive), ("exclusive", exclusive)):
    print(f"\ntop {top} frames, {title} (share of busy):")
    for name, weight in counter.most_common(top):
        print(f"  {weight / busy:6.1%}  {name[:150]}")
