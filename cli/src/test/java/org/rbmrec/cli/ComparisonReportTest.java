package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rbmrec.cli.Comparison.FoldResult;
import org.rbmrec.cli.Comparison.ModelResults;

class ComparisonReportTest {
  private static Comparison twoFolds() {
    ModelResults bias = new ModelResults("bias", Map.of("iterations", "10"), List.of(
        new FoldResult("u1", 0.95, 0.75, 0.10, 0.1, 0.2, 100, 1),
        new FoldResult("user:0.2,min=3", 0.97, 0.77, 0.12, 0.3, 0.4, 120, 0)));
    return new Comparison("ml-100k", List.of("u1", "user:0.2,min=3"), 7, Map.of("threads", 2),
        List.of(bias));
  }

  @Test
  void csvQuotesAFoldSpecWithACommaAndEndsWithMeanAndStdRows() {
    List<String> lines = new ComparisonReport(twoFolds(), 10).toCsv().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(2)).startsWith("bias,\"user:0.2,min=3\",0.97,");
    assertThat(lines.get(3)).startsWith("bias,mean,0.96,0.76,").endsWith(",,");
    assertThat(lines.get(4)).startsWith("bias,std,0.0141");
  }

  @Test
  void markdownHasOneTableRowPerModelWithMeanAndStd() {
    String markdown = new ComparisonReport(twoFolds(), 5).toMarkdown();
    assertThat(markdown).contains("| model | RMSE | MAE | NDCG@5 | fit s | predict s |")
        .contains("| bias | 0.9600 ± 0.0141 | 0.7600 ± 0.0141 | 0.1100 ± 0.0141 |")
        .contains("over 2 folds").contains("seed 7");
  }

  @Test
  void aModelMissingAFoldIsRejected() {
    ModelResults one = new ModelResults("mean", Map.of(), List.of(
        new FoldResult("u1", 1.1, 0.9, 0.05, 0.0, 0.1, 100, 0)));
    assertThatThrownBy(() -> new Comparison("ml-100k", List.of("u1", "u2"), 7, Map.of(),
        List.of(one))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 fold results for 2 folds");
  }
}
