package org.rbmrec.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The models rbmrec trains, by the names the command line uses. */
public enum ModelKind {
  /** User-based softmax RBM (Salakhutdinov et al. 2007). */
  RBM("rbm", true),
  /** Item-based RBM ("I-RBM"): rows are items, visible units the users who rated them. */
  RBM_ITEM("rbm-item", true),
  /** Conditional RBM: which entries a row rated (including hidden test pairs) feeds the hiddens. */
  RBM_COND("rbm-cond", true),
  /** Factored RBM: W = A·B. */
  RBM_FACTORED("rbm-factored", true),
  /** Regularised user and item biases (Koren's baseline). */
  BIAS("bias", false),
  /** Biased matrix factorisation trained by SGD (Funk SVD). */
  MF("mf", false),
  /** SVD++ (Koren 2008). */
  SVDPP("svdpp", false),
  /** The global mean rating. */
  MEAN("mean", false);

  private final String id;
  private final boolean rbm;

  ModelKind(String id, boolean rbm) {
    this.id = id;
    this.rbm = rbm;
  }

  /** The command-line name, such as "rbm-item". */
  public String id() {
    return id;
  }

  /** Whether this is one of the RBM variants. */
  public boolean isRbm() {
    return rbm;
  }

  /** The kind called {@code name}; throws {@link IllegalArgumentException} listing the names. */
  public static ModelKind parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (ModelKind kind : values()) {
      if (kind.id.equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown model \"" + name + "\"; known: " + names());
  }

  /** Every name, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", "));
  }
}
