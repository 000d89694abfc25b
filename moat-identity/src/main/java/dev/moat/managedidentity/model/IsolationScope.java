package dev.moat.managedidentity.model;

/** Whether an identity may be used only in its own region ({@code Regional}) or anywhere. */
public enum IsolationScope {
  None,
  Regional
}
