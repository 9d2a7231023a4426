package dev.moco4j.clustering;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the engine's events so that tests can assert what a user would see. */
final class RecordingEvents implements EventSink {

  record Event(String type, String reason, String message) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();

  @Override
  public void normal(String reason, String message) {
    events.add(new Event("Normal", reason, message));
  }

  @Override
  public void warning(String reason, String message) {
    events.add(new Event("Warning", reason, message));
  }

  List<Event> all() {
    return List.copyOf(events);
  }

  List<String> reasons() {
    return events.stream().map(Event::reason).toList();
  }

  List<String> messages() {
    return events.stream().map(Event::message).toList();
  }
}
