package org.rbmrec.model.baseline;

/** Bounds checks for the user and item indices a model is asked about. */
final class Indices {
  private Indices() {}

  static void user(int user, int numUsers) {
    if (user < 0 || user >= numUsers) {
      throw new IllegalArgumentException(
          "user index must be in [0, " + numUsers + "), got " + user);
    }
  }

  static void item(int item, int numItems) {
    if (item < 0 || item >= numItems) {
      throw new IllegalArgumentException(
          "item index must be in [0, " + numItems + "), got " + item);
    }
  }

  static void check(int user, int numUsers, int item, int numItems) {
    user(user, numUsers);
    item(item, numItems);
  }
}
