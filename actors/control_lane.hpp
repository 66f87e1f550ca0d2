// The control plane's lane through CAF's scheduler. CAF's work stealing
// runs what an actor sends from a worker next, but queues what arrives from
// outside the scheduler (an HTTP thread, a detached actor such as the meta
// store) behind everything already waiting: under replication load, each
// such hop of a write waited out a tick's worth of processor wake-ups.
// Actors of the control plane mark themselves; the scheduler puts their
// jobs at the front of a worker's queue wherever the message came from, and
// the data plane's stay at the back.
#pragma once

#include <caf/actor_system_config.hpp>
#include <caf/local_actor.hpp>
#include <caf/policy/work_stealing.hpp>
#include <caf/resumable.hpp>
#include <caf/scheduled_actor.hpp>

namespace cdc::actors {

/// Lowers the calling thread's CPU priority `by` steps of niceness below
/// where it is (Linux niceness is per thread, inherited from the thread that
/// started it), so a server started under `nice` keeps the same order among
/// its threads. Best effort: without it the thread runs as before.
void lower_thread_priority(int by);

/// A bit of CAF's actor flags that CAF itself leaves unused.
inline constexpr int control_plane_flag = 0x00400000;

/// Marks `self` as control plane. Call it from the actor's own function, so
/// that no other thread changes its flags meanwhile.
inline void join_control_plane(caf::local_actor* self) { self->setf(control_plane_flag); }

inline bool in_control_plane(caf::resumable* job) {
  auto kind = job->subtype();
  return (kind == caf::resumable::scheduled_actor || kind == caf::resumable::io_actor)
         && static_cast<caf::scheduled_actor*>(job)->getf(control_plane_flag);
}

/// Work stealing, with control-plane jobs queued at the front.
class control_first_policy : public caf::policy::work_stealing {
public:
  template <class Worker>
  void external_enqueue(Worker* self, caf::resumable* job) {
    if (!in_control_plane(job))
      return caf::policy::work_stealing::external_enqueue(self, job);
    d(self).queue.prepend(job);
    auto& wait = d(self).waitdata;
    std::unique_lock<std::mutex> guard(wait.lock);
    if (wait.sleeping)
      wait.cv.notify_one();
  }

  /// On a worker's first job: the workers yield the CPU to the threads that
  /// only wait and answer (HTTP I/O, the meta store), which would otherwise
  /// wait for a time slice behind replication at every hop of a request.
  template <class Worker>
  void before_resume(Worker*, caf::resumable*) {
    thread_local bool lowered = false;
    if (!lowered) {
      lower_thread_priority(5);
      lowered = true;
    }
  }
};

/// Makes `cfg`'s actor system schedule with control_first_policy.
void use_control_first_scheduler(caf::actor_system_config& cfg);

} // namespace cdc::actors
