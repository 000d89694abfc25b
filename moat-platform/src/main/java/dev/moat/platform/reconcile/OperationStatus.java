package dev.moat.platform.reconcile;

/** The status values of an ARM {@code OperationStatusResult}. */
public enum OperationStatus {
  InProgress,
  Succeeded,
  Failed,
  Canceled;

  public boolean isTerminal() {
    return this != InProgress;
  }
}
