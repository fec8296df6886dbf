#ifndef SAFEINTAKE_PROCESS_HARDENING_H
#define SAFEINTAKE_PROCESS_HARDENING_H

/// Makes this process write no core dump and refuse to be ptrace-attached or read through /proc by
/// other processes of the same user: prctl(PR_SET_DUMPABLE, 0) and RLIMIT_CORE 0 (soft and hard).
/// Returns 0 on success, else the errno of the first call that failed. (In C because prctl is
/// variadic, which Swift cannot call.)
int si_disable_core_dumps(void);

/// prctl(PR_GET_DUMPABLE): 1 when dumpable, 0 when not, -1 on error.
int si_is_dumpable(void);

#endif
