// jemalloc's settings for `cdc server` (jemalloc reads this symbol at start;
// MALLOC_CONF in the environment still overrides it). Freed pages go back to
// the system within a second, by jemalloc's own background thread, so RSS
// follows what the server holds: after a catch-up or a mass removal it falls
// without waiting for the next allocation.
extern "C" {
const char* malloc_conf = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
}
