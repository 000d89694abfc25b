package dev.moat.kube.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.kube.store.KubeJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Edge cases of JSON merge patch (RFC 7386) and strategic merge patch. */
class PatchesTest {
  private static ObjectNode json(String text) {
    return KubeJson.parse(text.replace('\'', '"'));
  }

  @Test
  void mergePatchReplacesArraysAndDeletesNulls() {
    ObjectNode out =
        MergePatch.apply(
            json("{'a':{'x':1,'y':2},'l':[1,2],'k':'v'}"),
            json("{'a':{'y':null},'l':[3],'k':null}"));
    assertThat(out).isEqualTo(json("{'a':{'x':1},'l':[3]}"));
  }

  @Test
  void mergePatchCreatesNestedObjectsAndReplacesScalarsWithObjects() {
    ObjectNode out =
        MergePatch.apply(json("{'a':'s'}"), json("{'a':{'b':{'c':1}},'n':{'m':null}}"));
    assertThat(out).isEqualTo(json("{'a':{'b':{'c':1}},'n':{}}"));
  }

  @Test
  void strategicMergesContainersByNameAndKeepsOthers() {
    ObjectNode live =
        json(
            "{'spec':{'containers':[{'name':'a','image':'a:1','env':[{'name':'X','value':'1'}]},"
                + "{'name':'b','image':'b:1'}],'tolerations':[{'key':'t'}]}}");
    ObjectNode out =
        StrategicMergePatch.apply(
            live,
            json(
                "{'spec':{'containers':[{'name':'b','image':'b:2'},{'name':'c','image':'c:1'}],"
                    + "'tolerations':[{'key':'u'}]}}"));
    assertThat(out.at("/spec/containers/0/image").asString()).isEqualTo("a:1");
    assertThat(out.at("/spec/containers/0/env/0/value").asString()).isEqualTo("1");
    assertThat(out.at("/spec/containers/1/image").asString()).isEqualTo("b:2");
    assertThat(out.at("/spec/containers/2/name").asString()).isEqualTo("c");
    // tolerations carry no merge key: the list is replaced
    assertThat(out.at("/spec/tolerations")).isEqualTo(json("{'t':[{'key':'u'}]}").get("t"));
  }

  @Test
  void strategicDirectives() {
    ObjectNode live =
        json(
            "{'spec':{'containers':[{'name':'a','image':'a:1','ports':[{'containerPort':80},{'containerPort':443}]},"
                + "{'name':'b','image':'b:1'}],'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}},"
                + "'metadata':{'finalizers':['f1','f2'],'labels':{'x':'1','y':'2'}}}");
    ObjectNode out =
        StrategicMergePatch.apply(
            live,
            json(
                "{'spec':{'containers':[{'name':'b','$patch':'delete'},"
                    + "{'name':'a','ports':[{'containerPort':443,'$patch':'delete'}]}],"
                    + "'$setElementOrder/containers':[{'name':'a'}],"
                    + "'strategy':{'$retainKeys':['type'],'type':'Recreate'}},"
                    + "'metadata':{'$deleteFromPrimitiveList/finalizers':['f1'],'finalizers':['f3'],"
                    + "'labels':{'y':null,'z':'3'}}}"));
    assertThat(out.at("/spec/containers").size()).isEqualTo(1);
    assertThat(out.at("/spec/containers/0/ports"))
        .isEqualTo(json("{'p':[{'containerPort':80}]}").get("p"));
    assertThat(out.at("/spec/strategy")).isEqualTo(json("{'type':'Recreate'}"));
    assertThat(out.at("/metadata/finalizers")).isEqualTo(json("{'f':['f2','f3']}").get("f"));
    assertThat(out.at("/metadata/labels")).isEqualTo(json("{'x':'1','z':'3'}"));
  }

  @Test
  void strategicReplaceDirectiveOnMapsAndLists() {
    ObjectNode live = json("{'data':{'a':'1','b':'2'},'spec':{'ports':[{'port':80},{'port':81}]}}");
    ObjectNode out =
        StrategicMergePatch.apply(
            live,
            json(
                "{'data':{'$patch':'replace','c':'3'},'spec':{'ports':[{'port':90},{'$patch':'replace'}]}}"));
    assertThat(out.get("data")).isEqualTo(json("{'c':'3'}"));
    assertThat(out.at("/spec/ports")).isEqualTo(json("{'p':[{'port':90}]}").get("p"));
  }

  @Test
  void servicePortsMergeByPortAndContainerPortsByContainerPort() {
    assertThat(StrategicMergePatch.mergeKey("ports", "spec")).isEqualTo("port");
    assertThat(StrategicMergePatch.mergeKey("ports", "containers")).isEqualTo("containerPort");
    assertThat(StrategicMergePatch.mergeKey("args", "containers")).isNull();
  }
}
