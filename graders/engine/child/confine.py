"""The child's trusted prologue: confine the process before the submission is loaded.

- Root only: drop every capability (bounding set too), so the child cannot raise its rlimits,
  and exec cannot give them back.
- no_new_privs, then Linux Landlock (kernel >= 5.13): the submission may read only the Python
  installation, the system libraries and its own folder, write only its folder, open no TCP
  connection (ABI >= 4), and signal no process outside the sandbox (ABI >= 6).
Works without root and without bubblewrap. Returns what it applied, for the result record.
"""

from __future__ import annotations

import ctypes
import os
import struct

SYS_LANDLOCK_CREATE_RULESET, SYS_LANDLOCK_ADD_RULE, SYS_LANDLOCK_RESTRICT_SELF, SYS_CAPSET = 444, 445, 446, 126
PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 24, 38
RULE_PATH_BENEATH = 1
FS_EXECUTE, FS_WRITE_FILE, FS_READ_FILE, FS_READ_DIR = 1, 2, 4, 8
FILE_ONLY = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | (1 << 14) | (1 << 15)  # + truncate, ioctl_dev
READ = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR
FS_RIGHTS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1, 5: (1 << 16) - 1}
NET_BIND_TCP, NET_CONNECT_TCP = 1, 2
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1, 2

SYSTEM_READ = ["/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc/ld.so.cache", "/etc/localtime",
               "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/hosts", "/etc/ssl", "/etc/ca-certificates",
               "/etc/mime.types", "/proc/cpuinfo", "/proc/meminfo", "/proc/stat", "/proc/self",
               "/sys/devices/system/cpu", "/sys/fs/cgroup", "/dev/urandom", "/dev/random", "/dev/zero"]
DEVICE_RW = ["/dev/null", "/dev/shm"]

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long


def _syscall(number: int, *args) -> int:
    return _libc.syscall(ctypes.c_long(number), *args)


def drop_capabilities() -> bool:
    """As root: empty the bounding set and every capability set. Returns True if it did."""
    if os.geteuid() != 0:
        return False
    for cap in range(64):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            break  # EINVAL: past the last capability this kernel knows
    header = struct.pack("Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = bytes(24)  # two {effective, permitted, inheritable} u32 triples, all zero
    if _syscall(SYS_CAPSET, ctypes.c_char_p(header), ctypes.c_char_p(data)) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")
    return True


def landlock_abi() -> int:
    abi = _syscall(SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    return abi if abi > 0 else 0


def _add_path(ruleset: int, path: str, rights: int, handled: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # absent on this system: nothing to allow
    try:
        allowed = (rights if os.path.isdir(path) else rights & FILE_ONLY) & handled
        attr = struct.pack("=Qi", allowed, fd)  # struct landlock_path_beneath_attr is packed
        if _syscall(SYS_LANDLOCK_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(RULE_PATH_BENEATH), ctypes.c_char_p(attr), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
    finally:
        os.close(fd)


def apply_landlock(read_paths: list[str], write_paths: list[str]) -> int:
    """Restrict this process (and whatever it starts). Returns the ABI used, 0 if unsupported."""
    abi = landlock_abi()
    if abi == 0:
        return 0
    handled_fs = FS_RIGHTS_BY_ABI.get(abi, (1 << 16) - 1)
    attr = struct.pack("=Q", handled_fs)
    if abi >= 4:
        attr += struct.pack("=Q", NET_BIND_TCP | NET_CONNECT_TCP)
    if abi >= 6:
        attr += struct.pack("=Q", SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL)
    ruleset = _syscall(SYS_LANDLOCK_CREATE_RULESET, ctypes.c_char_p(attr), ctypes.c_size_t(len(attr)), ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        for path in [*SYSTEM_READ, *read_paths]:
            _add_path(ruleset, path, READ, handled_fs)
        for path in [*DEVICE_RW, *write_paths]:
            _add_path(ruleset, path, handled_fs, handled_fs)
        if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(NO_NEW_PRIVS) failed")
        if _syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
    return abi


def confine(read_paths: list[str], write_paths: list[str]) -> dict:
    dropped = drop_capabilities()
    return {"capabilities_dropped": dropped, "landlock_abi": apply_landlock(read_paths, write_paths)}
