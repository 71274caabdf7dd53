/*
 * TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for running frontdesk.exe under wine.
 *
 * Rust's standard library asks bcryptprimitives.dll for ProcessPrng (its source of random
 * numbers, e.g. for hash maps). Every Windows since Windows 7 has that DLL; wine 8 does not, so
 * without this file the program cannot start under wine. This DLL gives ProcessPrng over
 * advapi32's RtlGenRandom (exported as SystemFunction036), which wine does have.
 *
 * It is built by tests/windows/smoke.sh with mingw-w64 gcc into the smoke test's own temporary
 * folder, next to the .exe under test. It is never built into, shipped with or needed by
 * frontdesk on a real Windows desk.
 */
#include <windows.h>

/* RtlGenRandom's real name in advapi32; mingw's headers do not always declare it. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* As documented for Windows: fills data with len random bytes and always returns TRUE. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) {
            /* ProcessPrng cannot report failure; Windows itself ends the process here. */
            ExitProcess(0xC0000001);
        }
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
