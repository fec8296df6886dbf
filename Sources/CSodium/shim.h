#ifndef SAFEINTAKE_CSODIUM_SHIM_H
#define SAFEINTAKE_CSODIUM_SHIM_H
#include <sodium.h>
#endif
