// Linked into every executable of a ThreadSanitizer build only.
//
// librdkafka uses C11 threads (thrd_create, mtx_lock, cnd_wait, call_once).
// glibc implements them by calling its pthread functions internally, past
// the symbols TSan intercepts, and GCC 12's TSan has no C11 interceptors:
// it never learns of librdkafka's threads (and crashes on their first
// allocation) nor of its locks. Defined here, in the executable, these take
// precedence over glibc's for librdkafka and forward to the pthread
// functions TSan does see. glibc lays out mtx_t, cnd_t and once_flag as the
// pthread types they wrap.
#include <pthread.h>
#include <threads.h>

#include <cerrno>
#include <cstdint>
#include <new>

namespace {

int result_of(int pthread_error) {
  switch (pthread_error) {
    case 0: return thrd_success;
    case EBUSY: return thrd_busy;
    case ETIMEDOUT: return thrd_timedout;
    case ENOMEM: return thrd_nomem;
    default: return thrd_error;
  }
}

struct start {
  thrd_start_t func;
  void* arg;
};

void* run(void* p) {
  auto s = *static_cast<start*>(p);
  delete static_cast<start*>(p);
  return reinterpret_cast<void*>(static_cast<std::intptr_t>(s.func(s.arg)));
}

pthread_mutex_t* as_pthread(mtx_t* m) { return reinterpret_cast<pthread_mutex_t*>(m); }
pthread_cond_t* as_pthread(cnd_t* c) { return reinterpret_cast<pthread_cond_t*>(c); }

static_assert(sizeof(mtx_t) == sizeof(pthread_mutex_t));
static_assert(sizeof(cnd_t) == sizeof(pthread_cond_t));
static_assert(sizeof(once_flag) == sizeof(pthread_once_t));

} // namespace

extern "C" {

int thrd_create(thrd_t* thr, thrd_start_t func, void* arg) {
  auto* s = new (std::nothrow) start{func, arg};
  if (!s)
    return thrd_nomem;
  int err = pthread_create(thr, nullptr, run, s);
  if (err != 0)
    delete s;
  return result_of(err);
}

int thrd_join(thrd_t thr, int* res) {
  void* out = nullptr;
  int err = pthread_join(thr, &out);
  if (err == 0 && res)
    *res = static_cast<int>(reinterpret_cast<std::intptr_t>(out));
  return result_of(err);
}

int thrd_detach(thrd_t thr) { return result_of(pthread_detach(thr)); }

int mtx_init(mtx_t* m, int type) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  if (type & mtx_recursive)
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  int err = pthread_mutex_init(as_pthread(m), &attr);
  pthread_mutexattr_destroy(&attr);
  return result_of(err);
}

int mtx_lock(mtx_t* m) { return result_of(pthread_mutex_lock(as_pthread(m))); }
int mtx_trylock(mtx_t* m) { return result_of(pthread_mutex_trylock(as_pthread(m))); }
int mtx_timedlock(mtx_t* __restrict m, const struct timespec* __restrict ts) {
  return result_of(pthread_mutex_timedlock(as_pthread(m), ts));
}
int mtx_unlock(mtx_t* m) { return result_of(pthread_mutex_unlock(as_pthread(m))); }
void mtx_destroy(mtx_t* m) { pthread_mutex_destroy(as_pthread(m)); }

int cnd_init(cnd_t* c) { return result_of(pthread_cond_init(as_pthread(c), nullptr)); }
int cnd_signal(cnd_t* c) { return result_of(pthread_cond_signal(as_pthread(c))); }
int cnd_broadcast(cnd_t* c) { return result_of(pthread_cond_broadcast(as_pthread(c))); }
int cnd_wait(cnd_t* c, mtx_t* m) { return result_of(pthread_cond_wait(as_pthread(c), as_pthread(m))); }
int cnd_timedwait(cnd_t* __restrict c, mtx_t* __restrict m, const struct timespec* __restrict ts) {
  return result_of(pthread_cond_timedwait(as_pthread(c), as_pthread(m), ts));
}
void cnd_destroy(cnd_t* c) { pthread_cond_destroy(as_pthread(c)); }

void call_once(once_flag* flag, void (*func)(void)) {
  pthread_once(reinterpret_cast<pthread_once_t*>(flag), func);
}

} // extern "C"
